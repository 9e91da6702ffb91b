export function NewMemberScreen(_props: { firstName?: string | undefined; lastName?: string | undefined }) {
  return <h1>Nouveau membre</h1>;
}
