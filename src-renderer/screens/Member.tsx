export function MemberScreen({ number }: { number: number }) {
  return <h1>Membre {number}</h1>;
}
