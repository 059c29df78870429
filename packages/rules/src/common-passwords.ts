/**
 * Rule password-blocklist data: passwords too common to keep anyone out (NIST SP 800-63B §5.1.1.2:
 * refuse values "commonly-used, expected, or compromised"). Compared case-insensitively, so
 * `Aa123456` also stands for `aA123456` and `AA123456`. Three groups, each with its source:
 */

/**
 * The head of the most common passwords of Chinese users, in frequency order: SecLists
 * `Passwords/Common-Credentials/Language-Specific/Chinese-common-password-list-top-1000.txt`
 * (danielmiessler/SecLists, MIT; compiled from leaked Chinese site databases by
 * NihaoKangkang/Chinese-Common-Password-List), entries of 6 or more characters.
 */
// prettier-ignore
const CHINESE_TOP = [
  '123456', '123456789', '111111', '123123', '000000', '5201314', '12345678', 'a123456', '7758521', '123321',
  '11111111', '1314520', '666666', '1234567', '123456a', '888888', '123123123', '1234567890', 'woaini', '654321',
  '5211314', '112233', '88888888', 'woaini1314', '00000000', 'password', 'qq123456', '147258369', '7758258', '520520',
  '123654', 'aaaaaa', '100200', '121212', 'a123456789', '110110', '147258', '1111111', '123456abc', 'zxcvbnm',
  '987654321', 'asdasd', 'iloveyou', '31415926', '123qwe', '1314521', 'abc123', '222222', 'qazwsx', '159357',
  '999999', '123456789a', 'asd123', 'qwerty', '456852', 'qwe123', '201314', '159753', '521521', 'qqqqqq',
  '1qaz2wsx', 'aa123456', '1q2w3e4r', 'q123456', '555555', '789456123', 'woaini123', '789456', '584520', '333333',
  'abc123456', '110120', 'woaini520', '123000', '778899', 'a123123', '753951', '25257758', '123698745', '1111111111',
  'woaiwojia', '123456aa', 'asd123456', '11223344', '456123', '101010', '7758520', '5845211314', '147852', 'woaini521',
  '111222', 'z123456', 'qweqwe', '3.1415926', 'qwertyuiop', '123456qq', '456789', '7777777', 'abcd1234', '321321',
  'beijing2008', '0000000', 'asdfgh', '211314', '5845201314', 'asdfghjkl', '789789', 'qwe1234', 'qazwsxedc', '131421',
  '369369', '741852963', '123456123', '123456q', '5201314520', '12301230', '3344520', '963852', '951753', 'windows',
  '123abc', 'zxc123', '123654789', 'qweasdzxc', 'a111111', 'zxcvbnm123', '110119', '7788521', '1234560', 'a5201314',
  'qwe123456', '120120', '123456.', '168168', 'aini1314', '134679', '123789', '1q2w3e', '584521', '987654',
  'w123456', '102030', '0123456789', '010203', 'xiaoxiao', '336699', '111111111', '131420', '0000000000', 'woshishui',
  '12341234', 'yangyang', '666888', '520520520', 'zhang123', 'asdasdasd', '963852741', 'buzhidao', '1234qwer', '741852',
  '314159', '1230123', '110110110', 'asdfasdf', 'hao123456', '251314', '721521', '3344521', '321654', 'qweasd',
  '258258', '520530', '135792468', '1357924680', '12344321', '135246', '1q2w3e4r5t', '123456987', 'as123456', 'qaz123',
  '456456', '111222333', 'zzzzzz', '777777', '123321123', '135790', '518518', '999999999', 'qwer1234', '369258147',
  'l123456', '111111a', 'qq123123', 'a1234567', 'a000000', 'abcdefg', 'q1w2e3r4', '147896325', '111000', '147852369',
  '12345678910', '123456asd', '888999', '852456', '12121212', '123123a', '007007', '142536', 'zxcvbn', 'zxc123456',
  '5201314a', '232323', 'q123456789', '1123581321', '147369', '9876543210', 'sunshine', '124578', '654123', '444444',
  '121314', '131313', '123456123456', 'a12345', 'asdf1234', '159951', 'zhangwei', '521314', '87654321', '520123',
  'qq5201314', '12345600', '258369', '20082008', 'qaz123456', '159159', '123456789q', '000123', 'wojiushiwo', '100200300',
  '555666', 'wangjian', '112358', '1234abcd', '123qweasd', '1qazxsw2', '74108520', '7654321', 'nihaoma', 'shmily',
  'qazwsx123', 'zxczxc', 'jingjing', 'a12345678', 'qazqaz', '20080808', 'loveyou', 'a1314520', 'zhanglei', '369258',
  '1234554321', 'qwaszx', 'wangwei', 'qq123456789', '22222222', '11112222', 'forever', '13141314', 'love1314', 'li123456',
  'woaimama', 'woainimama', 'woaini5201314', 'nihao123', 'wang123456', 'zhang520', '12qwaszx', 'a1b2c3d4', '1a2b3c4d', 'zhimakaimen',
  'wodemima', 'meiyoumima', 'woxiangni', '19491001', 'shanghai', '12345qwert', 'q1w2e3r4t5', '123qwe123', 'a1s2d3f4', 'qwert12345',
  'qweasd123', 'abc123456789', 'ab123456', 'love520', 'lovelove', 'qwert123', 'wo123456', 'zx123456', 'woainia', 'iloveu',
];

/**
 * The most used passwords world-wide in 2024: SecLists
 * `Passwords/Common-Credentials/2024-200_most_used_passwords.txt` (danielmiessler/SecLists, MIT),
 * entries of 6 or more characters, including the "complex" ones (`Qwerty123!`, `P@ssw0rd`).
 */
// prettier-ignore
const WORLD_TOP_2024 = [
  'qwerty123', 'qwerty1', 'secret', 'password1', 'dragon', 'monkey', 'target123', 'zag12wsx', 'Qwerty123', 'princess',
  'football', 'Qwerty123!', 'Qwerty1!', 'q1w2e3r4t5y6', 'Qwerty1234', 'Qwerty12', 'Abcd1234', 'Password1', 'computer', 'baseball',
  'superman', 'azerty', 'pokemon', 'michael', '1qaz2wsx3edc', 'P@ssw0rd', 'Qwerty1?', 'Qwerty123?', 'shadow', 'soccer',
  'killer', 'testing', 'liverpool', 'master', 'password123', 'starwars', 'jordan', 'jessica', 'unknown', 'welcome',
  'trustno1', 'naruto', 'letmein', 'chocolate', 'internet', 'samsung', 'Aa123456', 'passw0rd', 'whatever', 'changeme',
  '123456!', 'babygirl', 'butterfly', 'batman', 'hello123', 'facebook', 'charlie', 'jennifer', 'andrew', 'freedom',
];

/**
 * "Complex-looking" passwords that meet length and character-class rules yet are among the first an
 * attacker tries: the word@123 pattern (Admin@123, Abc@123), keyboard walks with Shift (1qaz@WSX,
 * !QAZ2wsx, Qwe123!@#), Chinese favourites dressed up (Woaini@1314, Aa5201314) and this product's
 * own words (dangjian, jiceng). Our compilation of these well-known patterns, UNCONFIRMED as any
 * published list; extend it when a review names more.
 */
// prettier-ignore
const COMPLEX_LOOKING = [
  'Admin@123', 'Admin@1234', 'Admin@12345', 'Admin@123456', 'admin123', 'Admin123', 'Admin123!', 'Admin888', 'Admin!@#', 'Admin#123',
  'Admin@2023', 'Admin@2024', 'Admin@2025', 'Admin@2026', 'admin@123!', 'Administrator1', 'Aa1234567', 'Aa12345678', 'Aa123456789', 'Aa123123',
  'Aa111111', 'Aa112233', 'Aa147258', 'Aa123456!', 'Aa@123456', 'Aa123456@', 'Aa123456.', 'Aa@12345', 'Aa5201314', 'Aa520520',
  'Abc@123', 'abc@123', 'Abc@1234', 'Abc@12345', 'Abc@123456', 'Abc123456', 'Abc123456!', 'Abc12345', 'Abcd@1234', 'Abcd1234!',
  'Abc123!@#', 'Abc.123', 'Abc.1234', 'Abc123..', 'Abcd@123', 'Qwe123!@#', 'qwe!@#123', 'Qwer1234!', 'Qwer@1234', 'Qwer!234',
  'Qwe@1234', 'Qwe123456', 'Qwe@123456', 'Qwert@123', 'Qwert12345', 'Qwer@2026', '1qaz@WSX', '1qaz!QAZ', '1QAZ2wsx', '!QAZ2wsx',
  '!QAZxsw2', '1qaz@WSX3edc', '1qaz2wsx#EDC', '!QAZ@WSX', 'ZAQ!2wsx', 'zaq1@WSX', 'zaq12wsx', 'Zxcv1234', 'Zxcv@1234', 'Zxcvbnm1',
  'Zxcvbnm@123', 'Asdf1234', 'Asdf@1234', 'Asdfgh123', 'Asd123456', 'Asd@123456', 'Q1w2e3r4', 'Q1w2e3r4!', 'Q1w2e3r4t5', '1q2w3e4R',
  '1q2w3e4r!', '1q2w3e4r5t!', '1Q2W3E4R', 'Qazwsx123', 'Qazwsx@123', 'Qweasd123', 'Qweasdzxc1', '123Qwe!@#', '123qwe!@#', '123qweASD',
  'Passw0rd', 'Passw0rd!', 'P@ssw0rd!', 'P@ssword', 'P@ssword1', 'P@ssw0rd123', 'P@ssw0rd1', 'P@$$w0rd', 'P@ssw0rd2026', 'Password!',
  'Password1!', 'Password12', 'Password123', 'Password@123', 'Password123!', 'Password@1', 'Password#1', 'Password@2026', 'Pass@123', 'Pass@word1',
  'Pass1234', 'Pass@1234', 'Passwd@123', 'passwd123', 'Welcome1', 'Welcome@123', 'Welcome123', 'Welcome1!', 'Test@123', 'Test1234',
  'Test@1234', 'Test123!', 'Root@123', 'Root123!', 'Root@1234', 'Huawei@123', 'Huawei12#$', 'huawei123', 'Changeme123', 'Changeme@123',
  'Changeme1!', 'Sysadmin@123', 'System@123', 'Super@123', 'User@123', 'User@1234', 'Guest@123', 'Oracle@123', 'Mysql@123', 'Server@123',
  'Woaini1314', 'Woaini@1314', 'Woaini520', 'Woaini@520', 'Woaini123!', 'Woaini1314!', 'Iloveyou1', 'Iloveyou1314', 'ILoveYou@1314', 'Love@1314',
  'I5201314', 'A5201314', '5201314Aa', '5201314@Aa', 'Wo5201314', 'Qq123456', 'Qq123456!', 'Qq@123456', 'Qq5201314', 'China@123',
  'China123', 'China@2026', 'Beijing@123', 'Beijing2008!', 'Shanghai@123', 'Zhang@123', 'Wang@123', 'Li@123456', 'Zhang123456', 'Wang123456',
  'Hello@123', 'Hello123!', 'Hello1234', 'a123456!', 'a123456.', 'A123456.', 'A123456!', 'A12345678', 'A1234567', 'A1b2c3d4',
  'A1b2c3d4!', 'Zz123456', 'Zz@123456', 'Xx123456', 'Ww123456', '123456Aa', '123456Aa!', '123456aA@', '12345678Aa', '123456@Aa',
  '123@Abc', '147258Aa', 'Aaa123456', 'Aaaa1111', 'Aa000000', 'Aa888888', 'Aa666666', 'Abc@888', 'Dangjian@123', 'Dangjian123',
  'Dangjian@2026', 'Dangyuan@123', 'Dangyuan123', 'Jiceng@123', 'Jiceng123', 'Jiceng@2026', 'Dj@123456', 'Dj123456', 'Djgz@123', 'Zzb@123456',
  'Gongchandang1', 'Dangjian1921', 'Dang@1921', 'Demo@123', 'Demo1234', 'Dangwei@123', 'Zhibu@123', 'Shequ@123', 'Jiedao@123', 'Wangge@123',
];

/** Every blocked password, lower-cased (the comparison ignores case). */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([...CHINESE_TOP, ...WORLD_TOP_2024, ...COMPLEX_LOOKING].map((p) => p.toLowerCase()));
