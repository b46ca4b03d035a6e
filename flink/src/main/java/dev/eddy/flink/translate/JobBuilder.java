package dev.eddy.flink.translate;

import dev.eddy.flink.runtime.PipelineRef;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Builds a translated job on a Flink environment by evaluating its statements: constructors and
 * methods are found by name and argument types, as javac would find them for the written code.
 */
public final class JobBuilder {
    private final Map<String, Object> vars = new HashMap<>();
    private final JobCode job;

    /** @param paced whether sources keep to their processing-time schedule (see {@link PipelineRef}) */
    public JobBuilder(StreamExecutionEnvironment env, JobCode job, boolean paced) {
        this.job = job;
        vars.put("env", env);
        vars.put("pipeline", new PipelineRef(job.pipelineJson(), job.baseDir(), paced));
    }

    /** Runs every statement; returns the value of the collected variable, or null. */
    public Object build() {
        for (Statement s : job.statements()) {
            Object v = eval(s.value());
            if (s.name() != null) vars.put(s.name(), v);
        }
        return job.collected() == null ? null : vars.get(job.collected());
    }

    private Object eval(Code c) {
        if (c instanceof Code.Literal l) return l.value();
        if (c instanceof Code.PipelineText) return job.pipelineJson();
        if (c instanceof Code.Var v) {
            if (!vars.containsKey(v.name())) throw new IllegalStateException("no variable " + v.name() + " yet");
            return vars.get(v.name());
        }
        if (c instanceof Code.New n) return construct(n.type(), args(n.args()));
        if (c instanceof Code.Field f) return call(() -> f.type().getField(f.name()).get(null), f.name());
        if (c instanceof Code.Invoke i) {
            Object target = eval(i.target());
            return invoke(target.getClass(), target, i.method(), args(i.args()));
        }
        Code.Static s = (Code.Static) c;
        return invoke(s.type(), null, s.method(), args(s.args()));
    }

    private Object[] args(List<Code> codes) {
        Object[] out = new Object[codes.size()];
        for (int i = 0; i < out.length; i++) out[i] = eval(codes.get(i));
        return out;
    }

    private static Object construct(Class<?> type, Object[] args) {
        for (Constructor<?> k : type.getConstructors()) {
            Object[] fitted = fit(k, args);
            if (fitted != null) return call(() -> k.newInstance(fitted), type.getSimpleName());
        }
        throw new IllegalStateException("no constructor " + type.getName() + describe(args));
    }

    private static Object invoke(Class<?> type, Object target, String name, Object[] args) {
        List<Method> candidates = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == (target == null)) candidates.add(m);
        }
        // Fixed arity first, as javac does, then varargs.
        candidates.sort((a, b) -> Boolean.compare(a.isVarArgs(), b.isVarArgs()));
        for (Method m : candidates) {
            Object[] fitted = fit(m, args);
            if (fitted != null) {
                m.setAccessible(true);
                return call(() -> m.invoke(target, fitted), name);
            }
        }
        throw new IllegalStateException("no method " + type.getName() + "." + name + describe(args));
    }

    private interface Reflective { Object run() throws ReflectiveOperationException; }

    private static Object call(Reflective r, String what) {
        try {
            return r.run();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            throw new IllegalStateException(what + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        }
    }

    /** The arguments as the executable takes them (varargs packed), or null when they do not fit. */
    private static Object[] fit(Executable e, Object[] args) {
        Class<?>[] p = e.getParameterTypes();
        if (p.length == args.length && fits(p, args, p.length)) return args;
        if (!e.isVarArgs() || args.length < p.length - 1 || !fits(p, args, p.length - 1)) return null;
        Class<?> element = p[p.length - 1].getComponentType();
        Object rest = Array.newInstance(element, args.length - p.length + 1);
        for (int i = p.length - 1; i < args.length; i++) {
            if (!accepts(element, args[i])) return null;
            Array.set(rest, i - p.length + 1, args[i]);
        }
        Object[] out = new Object[p.length];
        System.arraycopy(args, 0, out, 0, p.length - 1);
        out[p.length - 1] = rest;
        return out;
    }

    private static boolean fits(Class<?>[] p, Object[] args, int n) {
        for (int i = 0; i < n; i++) if (!accepts(p[i], args[i])) return false;
        return true;
    }

    private static boolean accepts(Class<?> p, Object arg) {
        if (arg == null) return !p.isPrimitive();
        if (!p.isPrimitive()) return p.isInstance(arg);
        return p == long.class && arg instanceof Long || p == int.class && arg instanceof Integer
                || p == double.class && arg instanceof Double || p == boolean.class && arg instanceof Boolean;
    }

    private static String describe(Object[] args) {
        List<String> types = new ArrayList<>();
        for (Object a : args) types.add(a == null ? "null" : a.getClass().getSimpleName());
        return "(" + String.join(", ", types) + ")";
    }
}
