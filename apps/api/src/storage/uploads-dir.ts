/**
 * Injection token for the folder of the local file storage. It lives apart from AppModule so that
 * modules AppModule imports can inject it without a circular import.
 */
export const UPLOADS_DIR = Symbol('UPLOADS_DIR');
