package io.portpush.core.vault;

import io.portpush.core.error.InvalidInputException;
import io.portpush.core.error.SourceLocation;
import io.portpush.core.transport.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ansible Vault: the passwords a run was given, and decryption of what Ansible encrypts with them
 * (whole files, and {@code !vault |} values), formats 1.1 ({@code $ANSIBLE_VAULT;1.1;AES256}) and
 * 1.2 (with a vault id: {@code $ANSIBLE_VAULT;1.2;AES256;prod}). The scheme is Ansible's
 * {@code VaultAES256}: PBKDF2-HMAC-SHA256 over the password and the file's salt, 10,000 rounds,
 * giving an AES-256 key, an HMAC-SHA256 key and a CTR counter; the HMAC is checked before anything
 * is decrypted, in constant time. The primitives are the JDK's. Every value decrypted is recorded
 * in {@link #revealed()} so that the run's redactor masks it in every output.
 */
public final class Vault {
    /** One password and the vault id it was given for ({@code default} when none). */
    public record Password(String id, Secret secret) {
    }

    private static final String HEADER = "$ANSIBLE_VAULT;";
    private final List<Password> passwords;
    private final List<String> revealed = Collections.synchronizedList(new ArrayList<>());

    public Vault(List<Password> passwords) {
        this.passwords = List.copyOf(passwords);
    }

    /** A run given no vault password: vaulted content is an input error that says how to give one. */
    public static Vault none() {
        return new Vault(List.of());
    }

    public static boolean isVaulted(String text) {
        return text != null && text.stripLeading().startsWith(HEADER);
    }

    /** The plaintexts decrypted so far (values for the redactor). */
    public List<String> revealed() {
        synchronized (revealed) {
            return List.copyOf(revealed);
        }
    }

    /** Records a decrypted value as a secret without decrypting anything (a value read from a decrypted file). */
    public void reveal(String value) {
        revealed.add(value);
    }

    /**
     * Decrypts one vaulted text.
     *
     * @param where the file (and line) it came from, named by every error
     * @throws InvalidInputException naming {@code where} when no password was given, none opens it, or it is not vault text
     */
    public String decrypt(String vaulted, SourceLocation where) {
        List<String> lines = vaulted.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String[] header = lines.get(0).split(";");
        if (header.length < 3 || !header[0].equals("$ANSIBLE_VAULT") || !header[2].equals("AES256")
                || !(header[1].equals("1.1") || header[1].equals("1.2"))) {
            throw new InvalidInputException(where, "vault header '" + lines.get(0) + "' is not one portpush reads ($ANSIBLE_VAULT;1.1;AES256 "
                    + "or $ANSIBLE_VAULT;1.2;AES256;ID)");
        }
        String id = header.length > 3 ? header[3] : "default";
        if (passwords.isEmpty()) {
            throw new InvalidInputException(where, "encrypted with Ansible Vault" + (header.length > 3 ? " (vault id " + id + ")" : "")
                    + " and no vault password was given (--vault-password-file FILE, --vault-id " + id + "@FILE, --ask-vault-pass or "
                    + "ANSIBLE_VAULT_PASSWORD_FILE)");
        }
        byte[] salt;
        byte[] mac;
        byte[] cipher;
        try {
            byte[] envelope = HexFormat.of().parseHex(String.join("", lines.subList(1, lines.size())));
            String[] parts = new String(envelope, StandardCharsets.US_ASCII).split("\n");
            if (parts.length != 3) {
                throw new InvalidInputException(where, "the vault text is damaged (expected salt, HMAC and ciphertext)");
            }
            salt = HexFormat.of().parseHex(parts[0]);
            mac = HexFormat.of().parseHex(parts[1]);
            cipher = HexFormat.of().parseHex(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where, "the vault text is damaged (not hexadecimal): " + e.getMessage());
        }
        // the password for the file's id first, as ansible-vault does, then every other
        List<Password> order = new ArrayList<>(passwords.stream().filter(p -> p.id().equals(id)).toList());
        passwords.stream().filter(p -> !p.id().equals(id)).forEach(order::add);
        for (Password p : order) {
            byte[] plain = open(p.secret(), salt, mac, cipher);
            if (plain != null) {
                String text = new String(plain, StandardCharsets.UTF_8);
                revealed.add(text.strip());
                return text;
            }
        }
        throw new InvalidInputException(where, "no vault password opens it (tried vault id" + (order.size() > 1 ? "s " : " ")
                + String.join(", ", order.stream().map(Password::id).toList()) + "): wrong password or wrong --vault-id");
    }

    private static byte[] open(Secret password, byte[] salt, byte[] mac, byte[] cipher) {
        try {
            char[] pw = password.reveal().toCharArray();
            byte[] keys = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(pw, salt, 10_000, 80 * 8))
                    .getEncoded();
            java.util.Arrays.fill(pw, '\0');
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(keys, 32, 32, "HmacSHA256"));
            if (!MessageDigest.isEqual(hmac.doFinal(cipher), mac)) {
                return null;
            }
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys, 0, 32, "AES"), new IvParameterSpec(keys, 64, 16));
            byte[] padded = aes.doFinal(cipher);
            int pad = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
            if (pad < 1 || pad > 16 || pad > padded.length) {
                return null;
            }
            return java.util.Arrays.copyOf(padded, padded.length - pad);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256, HmacSHA256 or AES/CTR: " + e.getMessage(), e);
        }
    }
}
