package dev.blacksky.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Finds System.exit, Runtime.exit and Runtime.halt calls in a plugin's classes, so the JAR is refused at load. */
final class ExitCalls {

    private ExitCalls() {
    }

    /** The first such call in one class file, as "System.exit in com.example.Foo.bar", or empty. */
    static Optional<String> in(InputStream classFile) throws IOException {
        String[] found = new String[1];
        ClassReader reader = new ClassReader(classFile);
        String owner = reader.getClassName().replace('/', '.');
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String target, String name, String desc, boolean itf) {
                        boolean exits = target.equals("java/lang/System") && name.equals("exit")
                                || target.equals("java/lang/Runtime") && (name.equals("exit") || name.equals("halt"));
                        if (exits && found[0] == null) {
                            found[0] = target.substring("java/lang/".length()) + "." + name + " in " + owner + "." + method;
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return Optional.ofNullable(found[0]);
    }
}
