export function CheckoutScreen() {
  return <h1>Panier</h1>;
}
