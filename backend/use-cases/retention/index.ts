export { CONTACT_RETENTION_DAYS, purgeExpiredContacts } from './purge-contacts';
