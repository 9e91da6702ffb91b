export function CloseDrawerScreen() {
  return <h1>Fermer la caisse</h1>;
}
