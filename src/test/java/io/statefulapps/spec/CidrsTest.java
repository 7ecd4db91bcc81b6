package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrsTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8", "0.0.0.0/0", "192.168.1.7/32", "2001:db8::/32", "::/0", "::1/128",
            "fe80:0:0:0:0:0:0:1/64", "::ffff:10.0.0.1/128"})
    void acceptsCidrs(String cidr) {
        assertTrue(Cidrs.isCidr(cidr), cidr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "1.2.3/8", "256.0.0.0/8", "10.0.0.01/8", "2001:db8:::/32",
            "1::2::3/64", "2001:db8::/129", "1:2:3:4:5:6:7/64", "x/8", "10.0.0.0/-1", "10.0.0.0/"})
    void refusesOtherText(String cidr) {
        assertFalse(Cidrs.isCidr(cidr), cidr);
    }
}
