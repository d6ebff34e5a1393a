import { ContractError, type ErrorCode, type Language } from '../../../../shared/contract/index.js';
import { message, type MessageId, type MessageParams } from '../prompts/index.js';

/**
 * An action refused with words for the caller: the sentence is a catalog id, put into the call's
 * language when the failure is turned into a result (the error's own message is the English one,
 * for logs and the audit).
 */
export class CallerRefusal extends ContractError {
  constructor(
    code: ErrorCode,
    readonly messageId: MessageId,
    readonly params: MessageParams = {},
  ) {
    super(code, message('en', messageId, params));
  }

  sayIn(language: Language): string {
    return message(language, this.messageId, this.params);
  }
}
