package io.pdig.analyzer.rules;

/** A condition or output string together with where its characters came from. */
record SourceText(String text, TextOrigin origin) {

    /** {@code this + sep + more}, as Falco joins appended conditions and outputs. */
    SourceText append(String sep, SourceText more) {
        String joined = text + sep + more.text;
        TextOrigin.Composite c = new TextOrigin.Composite()
                .add(0, text.length() + sep.length(), origin)
                .add(text.length() + sep.length(), joined.length() + 1, more.origin);
        return new SourceText(joined, c);
    }
}
