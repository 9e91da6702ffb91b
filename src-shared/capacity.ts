/**
 * An activity's places, decided the same way on every desk and on the server (which has the
 * last word when two offline desks sold the last place). `capacity` null means no limit.
 */
export function placesLeft(capacity: number | null, registered: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - registered);
}

export function isFull(capacity: number | null, registered: number): boolean {
  return capacity !== null && registered >= capacity;
}
