// window/showMessage notifications. (connection.window.show*Message sends showMessageRequest,
// which expects an answer some clients never give; a notification is all these messages need.)
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';

export function showWarning(connection: Connection, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}

export function showInfo(connection: Connection, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
}
