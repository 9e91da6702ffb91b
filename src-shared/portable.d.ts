/**
 * The few globals that both Node (≥ 16) and every browser provide, declared for shared code,
 * which is compiled without the DOM's or Node's own type libraries so that neither can creep in.
 */
declare function atob(data: string): string;
declare function btoa(data: string): string;
