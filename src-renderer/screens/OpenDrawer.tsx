export function OpenDrawerScreen() {
  return <h1>Ouvrir la caisse</h1>;
}
