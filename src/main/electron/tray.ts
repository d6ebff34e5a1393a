import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { TrayActionId, TrayMenuItem, TrayModel } from './tray-status.js';

export interface TrayHandle {
  update(model: TrayModel): void;
  destroy(): void;
}

export function createTray(iconPath: string, actions: Record<TrayActionId, () => void>): TrayHandle {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  // Windows and most Linux trays expect a left click to open the app; the menu stays on right click.
  tray.on('click', () => actions['open-console']());
  return {
    update(model) {
      tray.setToolTip(model.tooltip);
      tray.setContextMenu(Menu.buildFromTemplate(model.items.map((item) => toMenuItem(item, actions))));
    },
    destroy() {
      tray.destroy();
    },
  };
}

function toMenuItem(item: TrayMenuItem, actions: Record<TrayActionId, () => void>): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'status':
      return { label: item.label, enabled: false };
    case 'separator':
      return { type: 'separator' };
    case 'action':
      return { label: item.label, click: () => actions[item.id]() };
  }
}
