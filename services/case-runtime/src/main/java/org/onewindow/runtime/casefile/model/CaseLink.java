package org.onewindow.runtime.casefile.model;

/**
 * A relation between two cases: the component cases of a joint application (联合报装), the next
 * link of a chain (一链办理).
 *
 * @param kind how {@code otherCase} relates to the case that holds the link
 */
public record CaseLink(String otherCase, Kind kind) {

    public enum Kind {
        /** The other case is a component of this one (a joint application's utility cases). */
        COMPONENT,
        /** The other case is the joint application this one is a component of. */
        PART_OF,
        /** The other case follows this one in a chain (一链办理). */
        NEXT,
        /** The other case came before this one in a chain. */
        PREVIOUS
    }

    public Kind inverse() {
        return switch (kind) {
            case COMPONENT -> Kind.PART_OF;
            case PART_OF -> Kind.COMPONENT;
            case NEXT -> Kind.PREVIOUS;
            case PREVIOUS -> Kind.NEXT;
        };
    }
}
