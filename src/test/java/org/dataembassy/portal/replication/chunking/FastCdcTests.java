package org.dataembassy.portal.replication.chunking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dataembassy.portal.replication.TestTrees;
import org.junit.jupiter.api.Test;

class FastCdcTests {
    @Test
    void producesChunksAroundTheAverageSize() {
        // given
        ChunkerParams p = new ChunkerParams(2048, 8192, 65536, 1L);
        FastCdc cdc = new FastCdc(p);
        byte[] data = TestTrees.random(5, 4_000_000);
        // when
        int off = 0;
        int count = 0;
        while (off < data.length) {
            off += cdc.cut(data, off, data.length - off);
            count++;
        }
        // then
        double average = data.length / (double) count;
        assertThat(average).isBetween(p.avgSize() * 0.5, p.avgSize() * 2.0);
    }

    @Test
    void cutsDifferentlyUnderADifferentGearSeed() {
        // given
        byte[] data = TestTrees.random(6, 200_000);
        FastCdc one = new FastCdc(new ChunkerParams(256, 1024, 4096, 1L));
        FastCdc two = new FastCdc(new ChunkerParams(256, 1024, 4096, 2L));
        // when / then
        assertThat(one.cut(data, 0, data.length)).isNotEqualTo(two.cut(data, 0, data.length));
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> new ChunkerParams(256, 1000, 4096, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkerParams(2048, 1024, 4096, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
