/** The API's minimum password length (issue 3). */
export const MIN_PASSWORD_LENGTH = 12;
