package io.pdig.analyzer.filter;

import java.util.List;

/**
 * The syntax tree of a filter condition. Every node carries the position of its first character
 * in the condition text. {@code and}/{@code or} are n-ary: one level of {@code a and b and c} is one
 * node, a parenthesised group is its own node (so printing reproduces libsinsp's canonical form).
 * Identifiers are macro references; the loader substitutes them before compilation.
 */
public sealed interface Ast permits Ast.And, Ast.Or, Ast.Not, Ast.Ident, Ast.Check {
    Pos pos();

    record And(List<Ast> children, Pos pos) implements Ast {
        public And {
            children = List.copyOf(children);
        }
    }

    record Or(List<Ast> children, Pos pos) implements Ast {
        public Or {
            children = List.copyOf(children);
        }
    }

    record Not(Ast child, Pos pos) implements Ast {
    }

    /** A macro reference (a dotless word in check position). */
    record Ident(String name, Pos pos) implements Ast {
    }

    /**
     * A comparison. {@code rhs} is null only for {@code exists}; {@code modifier} is null or one of
     * oneof/anyof/allof (then {@code rhs} is a list).
     */
    record Check(Operand lhs, String op, String modifier, Rhs rhs, Pos pos) implements Ast {
    }

    /** Something that produces a value from an event: a field or a transformer over operands. */
    sealed interface Operand extends TransformerArg permits FieldRef, Transform {
        Pos pos();
    }

    /** What may appear on the right of an operator. */
    sealed interface Rhs permits Value, ListValue, OperandValue {
        Pos pos();
    }

    /** An argument of a transformer. */
    sealed interface TransformerArg permits Operand, Value, ListValue {
    }

    /** A field reference with its optional bracketed argument (null when absent). */
    record FieldRef(String name, String arg, Pos pos) implements Operand {
    }

    /** {@code name(args...)}; {@code val(f)} is represented as a transform named "val". */
    record Transform(String name, List<TransformerArg> args, Pos pos) implements Operand {
        public Transform {
            args = List.copyOf(args);
        }
    }

    /** A literal value (bare, quoted after unescaping, or number text). */
    record Value(String text, boolean quoted, Pos pos) implements Rhs, TransformerArg {
    }

    /** A parenthesised list of literal values, possibly empty. */
    record ListValue(List<Value> items, Pos pos) implements Rhs, TransformerArg {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    /** A field used as the right-hand side through {@code val(...)} or a transformer. */
    record OperandValue(Operand operand, Pos pos) implements Rhs {
    }
}
