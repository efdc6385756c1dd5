/**
 * NPI check digit: Luhn over the 9 leading digits prefixed with 80840, the
 * ISO 7812 issuer prefix for US health (CMS NPI standard, 45 CFR 162.406).
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  return luhnValid(`80840${npi}`);
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const fromRight = digits.length - 1 - i;
    let d = Number(digits[i]);
    if (fromRight % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The check digit that completes a 9-digit NPI stem (for test data). */
export function npiCheckDigit(stem: string): string {
  for (let d = 0; d <= 9; d += 1) {
    if (isValidNpi(`${stem}${d}`)) return String(d);
  }
  return '';
}
