package io.oteldoctor.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void masksCredentialsButKeepsTheMessage() {
        assertEquals("Authorization: Bearer ***", SecretMasker.mask("Authorization: Bearer eyJhbGciOi.abc.def"));
        assertEquals("\"x-api-key\": \"***\"", SecretMasker.mask("\"x-api-key\": \"0123456789abcdef\""));
        assertEquals("https://bob:***@otlp.example/v1/traces", SecretMasker.mask("https://bob:hunter2@otlp.example/v1/traces"));
        assertEquals("https://otlp.example/v1/traces?api_key=***&region=eu",
                SecretMasker.mask("https://otlp.example/v1/traces?api_key=abc123&region=eu"));
        assertEquals("Message=invalid API key, Details=[]", SecretMasker.mask("Message=invalid API key, Details=[]"));
        assertFalse(SecretMasker.mask("dd-api-key=deadbeefcafe").contains("deadbeef"));
    }
}
