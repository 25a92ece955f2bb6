/**
 * French "de" before a name: "d’Acme", "d’Hélios" but "de Globex". Elides before a vowel or an
 * h (most names with h are mute); capitals and accents count (É, Î…).
 */
export function frenchDe(name: string): string {
  return /^[aeiouhàâäéèêëîïôöûüœæ]/i.test(name.normalize("NFC")) ? `d’${name}` : `de ${name}`;
}
