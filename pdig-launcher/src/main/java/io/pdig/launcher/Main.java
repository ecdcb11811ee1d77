package io.pdig.launcher;

public final class Main {
    public static void main(String[] args) {
        System.err.println("pdig: not wired yet");
        System.exit(1);
    }
}
