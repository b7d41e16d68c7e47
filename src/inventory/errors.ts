// Why an inventory could not be read whole. Nothing is compiled, linted or sent from such an
// inventory: the command stops with this message (and the problems listed under it).
export class InventoryError extends Error {
  override readonly name = 'InventoryError';
  constructor(message: string, readonly problems: string[] = []) {
    super(message);
  }
}
