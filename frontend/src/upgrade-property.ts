/*
 * Shared by the portal's web components: a property the server set before the element's class was defined lands
 * on the instance itself and hides the class's accessor; re-setting it through the accessor makes it count.
 */
export function upgradeProperties(element: HTMLElement, names: string[]): void {
  const self = element as unknown as Record<string, unknown>;
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(element, name)) {
      const value = self[name];
      delete self[name];
      self[name] = value;
    }
  }
}
