package org.dataembassy.portal.replication.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.TestTrees;
import org.junit.jupiter.api.Test;

class CompressionTests {
    @Test
    void compressesRepetitiveData() {
        // given
        byte[] text = "register,row,1234\n".repeat(1000).getBytes();
        // when
        byte[] framed = Compression.pack(text, 0, text.length, 3);
        // then
        assertThat(framed[0]).isEqualTo((byte) 1);
        assertThat(framed.length).isLessThan(text.length / 10);
        assertThat(Compression.unpack(framed, text.length, "x")).isEqualTo(text);
    }

    @Test
    void storesRandomDataRawBecauseCompressionDoesNotPay() {
        // given
        byte[] random = TestTrees.random(9, 10_000);
        // when
        byte[] framed = Compression.pack(random, 0, random.length, 3);
        // then
        assertThat(framed[0]).isZero();
        assertThat(framed.length).isEqualTo(random.length + 1);
        assertThat(Compression.unpack(framed, random.length, "x")).isEqualTo(random);
    }

    @Test
    void rejectsAPayloadWhoseLengthDoesNotMatch() {
        byte[] framed = Compression.pack(new byte[100], 0, 100, 3);
        assertThatThrownBy(() -> Compression.unpack(framed, 99, "obj")).isInstanceOf(IntegrityException.class);
    }
}
