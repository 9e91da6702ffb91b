import type { ReactNode } from 'react';

/** One column: its heading, what each row shows in it, and whether it holds amounts (right-aligned). */
export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Amounts and counts line up on the right. */
  numeric?: boolean;
  /** The row's heading cell (<th scope="row">): what a screen reader announces with each cell. */
  rowHeader?: boolean;
  className?: string;
}

/**
 * The screens' tables, drawn one way: headings with their scope, numbers on the right, an
 * optional footer (totals, payments). Every list of the desk is one of these. At 200 % zoom a
 * row becomes a block of « Heading : value » lines (styles.css, .reflow): nothing is hidden and
 * nothing scrolls sideways.
 */
export function Table<Row>({
  columns,
  rows,
  rowKey,
  rowClassName,
  footer,
  empty,
  className,
}: {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  rowClassName?: (row: Row) => string | undefined;
  footer?: ReactNode;
  /** Shown in the table when there is no row. */
  empty?: ReactNode;
  className?: string;
}) {
  const cellClass = (column: Column<Row>) => [column.numeric ? 'amount' : '', column.className ?? ''].join(' ').trim() || undefined;
  return (
    <table className={className ? `reflow ${className}` : 'reflow'}>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col" className={column.numeric ? 'amount' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} className={rowClassName?.(row)}>
            {columns.map((column, i) =>
              column.rowHeader ? (
                <th key={i} scope="row" className={cellClass(column)}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={i} className={cellClass(column)} data-label={typeof column.header === 'string' ? column.header : undefined}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
        {rows.length === 0 && empty ? (
          <tr>
            <td colSpan={columns.length}>{empty}</td>
          </tr>
        ) : null}
      </tbody>
      {footer ? <tfoot>{footer}</tfoot> : null}
    </table>
  );
}
