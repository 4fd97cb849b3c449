/** Pages anyone may open without logging in. */
export const PUBLIC_PATHS = ['/login', '/register', '/tools/', '/public'];
