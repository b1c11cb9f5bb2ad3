/**
 * Display form of a CNPJ, `00.000.000/0000-00`. Since July 2026 the first 12 characters may be
 * letters ("12.ABC.345/01DE-35"). Anything that is not 14 characters is shown as stored.
 */
export function formatCnpj(cnpj: string): string {
  const value = cnpj.replace(/[./\-\s]/g, "").toUpperCase();
  if (!/^[0-9A-Z]{12}[0-9]{2}$/.test(value)) return cnpj;
  return `${value.slice(0, 2)}.${value.slice(2, 5)}.${value.slice(5, 8)}/${value.slice(8, 12)}-${value.slice(12)}`;
}
