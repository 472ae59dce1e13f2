export function ReplayAgainst() {
  return null;
}
