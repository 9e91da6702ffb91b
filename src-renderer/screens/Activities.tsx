export function ActivitiesScreen(_props: { memberNumber?: number | undefined }) {
  return <h1>Activités</h1>;
}
