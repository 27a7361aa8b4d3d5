package io.oteldoctor.matching;

import java.util.List;

/**
 * What a signature rule declares about itself in its metadata. The prefilter is built from the
 * triggers of all of them, so a rule states here which words any line it can match must contain.
 *
 * @param name      the rule's name
 * @param cause     cause id the rule is evidence for
 * @param weight    how strongly one matching record alone points at that cause, in (0, 1]
 * @param signature what the matched text is, shared by the rules that read the same text differently
 * @param triggers  words (matched without regard to ASCII case) at least one of which every matching line contains
 * @param means     one sentence: what the matched text says happened
 * @param tellApart for ambiguous signatures: what would decide between the competing readings, or null
 */
public record SignatureRule(String name, String cause, double weight, String signature, List<String> triggers,
                            String means, String tellApart) {

    public SignatureRule {
        triggers = List.copyOf(triggers);
    }
}
