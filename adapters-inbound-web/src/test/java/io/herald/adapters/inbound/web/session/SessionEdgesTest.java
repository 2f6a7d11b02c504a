package io.herald.adapters.inbound.web.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The small parsers at the console's door: form bodies, where sign-in may send the browser, what needs no session. */
class SessionEdgesTest {

    @Test
    void formFieldsAreReadAsBrowsersEncodeThem() {
        FormFields form = FormFields.parse("key=a%2Bb+c&_csrf=t%3D%3D&next=%2Fconsole%2Fmessages%3Fstatus%3DSENT&empty=&flag&key=second");

        assertThat(form.first("key")).contains("a+b c");
        assertThat(form.first("_csrf")).contains("t==");
        assertThat(form.first("next")).contains("/console/messages?status=SENT");
        assertThat(form.first("empty")).contains("");
        assertThat(form.first("flag")).contains("");
        assertThat(form.first("missing")).isEmpty();
        assertThat(FormFields.parse("bad=%zz").first("bad")).as("a malformed escape is no value, not an error").contains("");
        assertThat(FormFields.parse("").fields()).isEmpty();
    }

    @Test
    void signInOnlyEverLeadsToAConsolePage() {
        assertThat(LoginController.safeNext("/console/messages?status=SENT")).isEqualTo("/console/messages?status=SENT");
        assertThat(LoginController.safeNext("/console")).isEqualTo("/console");
        for (String elsewhere : new String[] {null, "", "https://evil.example", "//evil.example/console", "/console//evil.example",
                "/console\\\\evil", "/profiles/ada", "/console/login?next=/x"}) {
            assertThat(LoginController.safeNext(elsewhere)).as(String.valueOf(elsewhere)).isEqualTo("/console");
        }
    }

    @Test
    void onlyTheLoginPageAndStaticFilesAreOpen() {
        assertThat(ConsolePaths.isOpen("/console/login")).isTrue();
        assertThat(ConsolePaths.isOpen("/console/assets/console.css")).isTrue();
        assertThat(ConsolePaths.isOpen("/console/webjars/htmx.org/2.0.4/dist/htmx.min.js")).isTrue();
        assertThat(ConsolePaths.isOpen("/console")).isFalse();
        assertThat(ConsolePaths.isOpen("/console/login/../messages")).as("not normalised here: the router sees no such page").isFalse();
        assertThat(ConsolePaths.isOpen("/console/assets/../messages")).isFalse();
        assertThat(ConsolePaths.isOpen("/console/webjars/./../users")).isFalse();
        assertThat(ConsolePaths.isOpen("/console/loginx")).isFalse();
        assertThat(ConsolePaths.isOpen("/console/assets")).isFalse();
    }
}
