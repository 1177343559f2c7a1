package vn.binhdan.assistant.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What kind of answer a question's own words ask for, read before the stop words drop them. */
class QuestionAsksTest {

    @Test
    void aNumberIsAskedByMấyOrBaoNhiêuButNotByMáy() {
        assertThat(SearchIndex.asks("passcode vneid mấy số")).isEqualTo(SearchIndex.Asks.NUMBER);
        assertThat(SearchIndex.asks("tiền gửi được bảo hiểm bao nhiêu")).isEqualTo(SearchIndex.Asks.NUMBER);
        assertThat(SearchIndex.asks("tong dai bao ve tre em so may")).isEqualTo(SearchIndex.Asks.NUMBER);
        // "máy" is the phone or the computer, not a question word
        assertThat(SearchIndex.asks("máy tính bị virut phải làm gì")).isEqualTo(SearchIndex.Asks.ANY);
    }

    @Test
    void aPlaceOrSomeoneToTurnToIsAskedByỞĐâuOrBáoAi() {
        assertThat(SearchIndex.asks("tra cứu hóa đơn ở đâu")).isEqualTo(SearchIndex.Asks.WHERE);
        assertThat(SearchIndex.asks("nộp hồ sơ trang nào")).isEqualTo(SearchIndex.Asks.WHERE);
        assertThat(SearchIndex.asks("bị lừa mất tiền thì báo ai")).isEqualTo(SearchIndex.Asks.WHERE);
        assertThat(SearchIndex.asks("mat token ky so thi bao cho ai?")).isEqualTo(SearchIndex.Asks.WHERE);
        // "hỏi AI" is asking the artificial intelligence, not asking someone
        assertThat(SearchIndex.asks("hỏi AI uống thuốc có được không")).isEqualTo(SearchIndex.Asks.ANY);
    }
}
