/**
 * Passwords that appear at the top of every breach list, lower-cased. Checked in addition to the
 * length rule: a 10+ character password from this list is still guessed first.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890', '12345678910', '0123456789', '1q2w3e4r5t', '1qaz2wsx3edc', 'qwertyuiop', 'qwerty1234',
  'qwerty12345', 'qwerty123456', 'asdfghjkl1', 'zxcvbnm123', 'password12', 'password123', 'password1234',
  'password!1', 'passw0rd123', 'p@ssw0rd123', 'iloveyou12', 'iloveyou123', 'football123', 'baseball123',
  'superman123', 'princess123', 'sunshine123', 'trustno1234', 'welcome123', 'welcome1234', 'letmein123',
  'letmein1234', 'administrator', 'admin12345', 'admin123456', 'changeme123', 'monkey12345', 'dragon12345',
  'master12345', 'michael123', 'jennifer123', 'computer123', 'starwars123', 'whatever123', 'internet123',
  'football1234', 'abcdefghij', 'abcdefg123', 'abc1234567', 'aaaaaaaaaa', '1111111111', '0000000000',
  '9876543210', '1122334455', '123123123123', '5555555555', 'qwertyqwerty', 'passwordpassword',
  'workfree123', 'workfree2024', 'workfree2025', 'workfree2026', 'learning123', 'student123',
]);
