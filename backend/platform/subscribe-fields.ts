/**
 * Subscription-message template values: WeChat's rules (`validateField`, the table) and
 * the shaping that makes any value pass them (`fitField`). Pure; shared by the back end
 * (shape before sending) and the local emulator (refuse what WeChat refuses).
 */
export {
  SUBSCRIBE_FIELD_RULES,
  fieldTypeOf,
  validateField,
  findDataProblem,
  type FieldProblem,
  type FieldRule,
  type SubscribeData,
  type SubscribeFieldType,
} from './subscribe-field-rules';
export { fitField, fitData, type FittableValue } from './subscribe-fit';
