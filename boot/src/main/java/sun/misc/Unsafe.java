package sun.misc;

import java.lang.reflect.Field;

/**
 * A stand-in for {@code jdk.unsupported}'s {@code sun.misc.Unsafe}, with the same public members, each handing the
 * call to {@code jdk.internal.misc.Unsafe} as the JDK's own class does.
 *
 * <p>Why: JavaCPP's raw indexers, which ND4J reads every array's shape through, need {@code sun.misc.Unsafe} and have
 * no fallback. The JDK's {@code jdk.unsupported} exports <em>and opens</em> {@code sun.misc} to every module, so in a
 * JVM that has it a submission can take {@code theUnsafe} by reflection and read any object's private fields. A
 * confined trial JVM is started without {@code jdk.unsupported} ({@code --limit-modules}); this class, in the boot
 * module, takes its place, and the launcher exports and opens {@code sun.misc} to the libraries module only
 * ({@link org.optbench.boot.ConfinedLayer}). A submission's loader cannot find it, and a submission that loads it
 * through another loader cannot reflect on it or call it.
 */
public final class Unsafe {
    private static final jdk.internal.misc.Unsafe INTERNAL = jdk.internal.misc.Unsafe.getUnsafe();
    /** Where JavaCPP, Guava and protobuf look for the instance, by reflection. */
    private static final Unsafe theUnsafe = new Unsafe();

    public static final int INVALID_FIELD_OFFSET = jdk.internal.misc.Unsafe.INVALID_FIELD_OFFSET;
    public static final int ADDRESS_SIZE = jdk.internal.misc.Unsafe.ADDRESS_SIZE;
    public static final int ARRAY_BOOLEAN_BASE_OFFSET = jdk.internal.misc.Unsafe.ARRAY_BOOLEAN_BASE_OFFSET;
    public static final int ARRAY_BYTE_BASE_OFFSET = jdk.internal.misc.Unsafe.ARRAY_BYTE_BASE_OFFSET;
    public static final int ARRAY_SHORT_BASE_OFFSET = jdk.internal.misc.Unsafe.ARRAY_SHORT_BASE_OFFSET;
    public static final int ARRAY_CHAR_BASE_OFFSET = jdk.internal.misc.Unsafe.ARRAY_CHAR_BASE_OFFSET;
    public static final int ARRAY_INT_BASE_OFFSET = jdk.internal.misc.Unsafe.ARRAY_INT_BASE_OFFSET;
    public static final int ARRAY_LONG_BASE_OFFSET = jdk.internal.misc.Unsafe.ARRAY_LONG_BASE_OFFSET;
    public static final int ARRAY_FLOAT_BASE_OFFSET = jdk.internal.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET;
    public static final int ARRAY_DOUBLE_BASE_OFFSET = jdk.internal.misc.Unsafe.ARRAY_DOUBLE_BASE_OFFSET;
    public static final int ARRAY_OBJECT_BASE_OFFSET = jdk.internal.misc.Unsafe.ARRAY_OBJECT_BASE_OFFSET;
    public static final int ARRAY_BOOLEAN_INDEX_SCALE = jdk.internal.misc.Unsafe.ARRAY_BOOLEAN_INDEX_SCALE;
    public static final int ARRAY_BYTE_INDEX_SCALE = jdk.internal.misc.Unsafe.ARRAY_BYTE_INDEX_SCALE;
    public static final int ARRAY_SHORT_INDEX_SCALE = jdk.internal.misc.Unsafe.ARRAY_SHORT_INDEX_SCALE;
    public static final int ARRAY_CHAR_INDEX_SCALE = jdk.internal.misc.Unsafe.ARRAY_CHAR_INDEX_SCALE;
    public static final int ARRAY_INT_INDEX_SCALE = jdk.internal.misc.Unsafe.ARRAY_INT_INDEX_SCALE;
    public static final int ARRAY_LONG_INDEX_SCALE = jdk.internal.misc.Unsafe.ARRAY_LONG_INDEX_SCALE;
    public static final int ARRAY_FLOAT_INDEX_SCALE = jdk.internal.misc.Unsafe.ARRAY_FLOAT_INDEX_SCALE;
    public static final int ARRAY_DOUBLE_INDEX_SCALE = jdk.internal.misc.Unsafe.ARRAY_DOUBLE_INDEX_SCALE;
    public static final int ARRAY_OBJECT_INDEX_SCALE = jdk.internal.misc.Unsafe.ARRAY_OBJECT_INDEX_SCALE;

    private Unsafe() {
    }

    /** Refused to every caller, as the JDK refuses it to any class outside the JDK: take {@code theUnsafe}. */
    public static Unsafe getUnsafe() {
        throw new SecurityException("Unsafe");
    }

    /** As the JDK's: no offsets into hidden classes or records, whose final fields are trusted. */
    public long objectFieldOffset(Field f) {
        return INTERNAL.objectFieldOffset(plainClassField(f));
    }

    /** As the JDK's: no offsets into hidden classes or records. */
    public long staticFieldOffset(Field f) {
        return INTERNAL.staticFieldOffset(plainClassField(f));
    }

    /** As the JDK's: no bases of hidden classes or records. */
    public Object staticFieldBase(Field f) {
        return INTERNAL.staticFieldBase(plainClassField(f));
    }

    private static Field plainClassField(Field f) {
        Class<?> declaringClass = f.getDeclaringClass();
        if (declaringClass.isHidden()) {
            throw new UnsupportedOperationException("can't get field offset on a hidden class: " + f);
        }
        if (declaringClass.isRecord()) {
            throw new UnsupportedOperationException("can't get field offset on a record class: " + f);
        }
        return f;
    }

    public int getInt(Object o, long offset) {
        return INTERNAL.getInt(o, offset);
    }

    public void putInt(Object o, long offset, int x) {
        INTERNAL.putInt(o, offset, x);
    }

    public Object getObject(Object o, long offset) {
        return INTERNAL.getReference(o, offset);
    }

    public void putObject(Object o, long offset, Object x) {
        INTERNAL.putReference(o, offset, x);
    }

    public boolean getBoolean(Object o, long offset) {
        return INTERNAL.getBoolean(o, offset);
    }

    public void putBoolean(Object o, long offset, boolean x) {
        INTERNAL.putBoolean(o, offset, x);
    }

    public byte getByte(Object o, long offset) {
        return INTERNAL.getByte(o, offset);
    }

    public void putByte(Object o, long offset, byte x) {
        INTERNAL.putByte(o, offset, x);
    }

    public short getShort(Object o, long offset) {
        return INTERNAL.getShort(o, offset);
    }

    public void putShort(Object o, long offset, short x) {
        INTERNAL.putShort(o, offset, x);
    }

    public char getChar(Object o, long offset) {
        return INTERNAL.getChar(o, offset);
    }

    public void putChar(Object o, long offset, char x) {
        INTERNAL.putChar(o, offset, x);
    }

    public long getLong(Object o, long offset) {
        return INTERNAL.getLong(o, offset);
    }

    public void putLong(Object o, long offset, long x) {
        INTERNAL.putLong(o, offset, x);
    }

    public float getFloat(Object o, long offset) {
        return INTERNAL.getFloat(o, offset);
    }

    public void putFloat(Object o, long offset, float x) {
        INTERNAL.putFloat(o, offset, x);
    }

    public double getDouble(Object o, long offset) {
        return INTERNAL.getDouble(o, offset);
    }

    public void putDouble(Object o, long offset, double x) {
        INTERNAL.putDouble(o, offset, x);
    }

    public byte getByte(long address) {
        return INTERNAL.getByte(address);
    }

    public void putByte(long address, byte x) {
        INTERNAL.putByte(address, x);
    }

    public short getShort(long address) {
        return INTERNAL.getShort(address);
    }

    public void putShort(long address, short x) {
        INTERNAL.putShort(address, x);
    }

    public char getChar(long address) {
        return INTERNAL.getChar(address);
    }

    public void putChar(long address, char x) {
        INTERNAL.putChar(address, x);
    }

    public int getInt(long address) {
        return INTERNAL.getInt(address);
    }

    public void putInt(long address, int x) {
        INTERNAL.putInt(address, x);
    }

    public long getLong(long address) {
        return INTERNAL.getLong(address);
    }

    public void putLong(long address, long x) {
        INTERNAL.putLong(address, x);
    }

    public float getFloat(long address) {
        return INTERNAL.getFloat(address);
    }

    public void putFloat(long address, float x) {
        INTERNAL.putFloat(address, x);
    }

    public double getDouble(long address) {
        return INTERNAL.getDouble(address);
    }

    public void putDouble(long address, double x) {
        INTERNAL.putDouble(address, x);
    }

    public long getAddress(long address) {
        return INTERNAL.getAddress(address);
    }

    public void putAddress(long address, long x) {
        INTERNAL.putAddress(address, x);
    }

    public long allocateMemory(long bytes) {
        return INTERNAL.allocateMemory(bytes);
    }

    public long reallocateMemory(long address, long bytes) {
        return INTERNAL.reallocateMemory(address, bytes);
    }

    public void setMemory(Object o, long offset, long bytes, byte value) {
        INTERNAL.setMemory(o, offset, bytes, value);
    }

    public void setMemory(long address, long bytes, byte value) {
        INTERNAL.setMemory(address, bytes, value);
    }

    public void copyMemory(Object srcBase, long srcOffset, Object destBase, long destOffset, long bytes) {
        INTERNAL.copyMemory(srcBase, srcOffset, destBase, destOffset, bytes);
    }

    public void copyMemory(long srcAddress, long destAddress, long bytes) {
        INTERNAL.copyMemory(srcAddress, destAddress, bytes);
    }

    public void freeMemory(long address) {
        INTERNAL.freeMemory(address);
    }

    public boolean shouldBeInitialized(Class<?> c) {
        return INTERNAL.shouldBeInitialized(c);
    }

    public void ensureClassInitialized(Class<?> c) {
        INTERNAL.ensureClassInitialized(c);
    }

    public int arrayBaseOffset(Class<?> arrayClass) {
        return INTERNAL.arrayBaseOffset(arrayClass);
    }

    public int arrayIndexScale(Class<?> arrayClass) {
        return INTERNAL.arrayIndexScale(arrayClass);
    }

    public int addressSize() {
        return INTERNAL.addressSize();
    }

    public int pageSize() {
        return INTERNAL.pageSize();
    }

    public Object allocateInstance(Class<?> cls) throws InstantiationException {
        return INTERNAL.allocateInstance(cls);
    }

    public void throwException(Throwable ee) {
        INTERNAL.throwException(ee);
    }

    public final boolean compareAndSwapObject(Object o, long offset, Object expected, Object x) {
        return INTERNAL.compareAndSetReference(o, offset, expected, x);
    }

    public final boolean compareAndSwapInt(Object o, long offset, int expected, int x) {
        return INTERNAL.compareAndSetInt(o, offset, expected, x);
    }

    public final boolean compareAndSwapLong(Object o, long offset, long expected, long x) {
        return INTERNAL.compareAndSetLong(o, offset, expected, x);
    }

    public Object getObjectVolatile(Object o, long offset) {
        return INTERNAL.getReferenceVolatile(o, offset);
    }

    public void putObjectVolatile(Object o, long offset, Object x) {
        INTERNAL.putReferenceVolatile(o, offset, x);
    }

    public int getIntVolatile(Object o, long offset) {
        return INTERNAL.getIntVolatile(o, offset);
    }

    public void putIntVolatile(Object o, long offset, int x) {
        INTERNAL.putIntVolatile(o, offset, x);
    }

    public boolean getBooleanVolatile(Object o, long offset) {
        return INTERNAL.getBooleanVolatile(o, offset);
    }

    public void putBooleanVolatile(Object o, long offset, boolean x) {
        INTERNAL.putBooleanVolatile(o, offset, x);
    }

    public byte getByteVolatile(Object o, long offset) {
        return INTERNAL.getByteVolatile(o, offset);
    }

    public void putByteVolatile(Object o, long offset, byte x) {
        INTERNAL.putByteVolatile(o, offset, x);
    }

    public short getShortVolatile(Object o, long offset) {
        return INTERNAL.getShortVolatile(o, offset);
    }

    public void putShortVolatile(Object o, long offset, short x) {
        INTERNAL.putShortVolatile(o, offset, x);
    }

    public char getCharVolatile(Object o, long offset) {
        return INTERNAL.getCharVolatile(o, offset);
    }

    public void putCharVolatile(Object o, long offset, char x) {
        INTERNAL.putCharVolatile(o, offset, x);
    }

    public long getLongVolatile(Object o, long offset) {
        return INTERNAL.getLongVolatile(o, offset);
    }

    public void putLongVolatile(Object o, long offset, long x) {
        INTERNAL.putLongVolatile(o, offset, x);
    }

    public float getFloatVolatile(Object o, long offset) {
        return INTERNAL.getFloatVolatile(o, offset);
    }

    public void putFloatVolatile(Object o, long offset, float x) {
        INTERNAL.putFloatVolatile(o, offset, x);
    }

    public double getDoubleVolatile(Object o, long offset) {
        return INTERNAL.getDoubleVolatile(o, offset);
    }

    public void putDoubleVolatile(Object o, long offset, double x) {
        INTERNAL.putDoubleVolatile(o, offset, x);
    }

    public void putOrderedObject(Object o, long offset, Object x) {
        INTERNAL.putReferenceRelease(o, offset, x);
    }

    public void putOrderedInt(Object o, long offset, int x) {
        INTERNAL.putIntRelease(o, offset, x);
    }

    public void putOrderedLong(Object o, long offset, long x) {
        INTERNAL.putLongRelease(o, offset, x);
    }

    public void unpark(Object thread) {
        INTERNAL.unpark(thread);
    }

    public void park(boolean isAbsolute, long time) {
        INTERNAL.park(isAbsolute, time);
    }

    public int getLoadAverage(double[] loadavg, int nelems) {
        return INTERNAL.getLoadAverage(loadavg, nelems);
    }

    public final int getAndAddInt(Object o, long offset, int delta) {
        return INTERNAL.getAndAddInt(o, offset, delta);
    }

    public final long getAndAddLong(Object o, long offset, long delta) {
        return INTERNAL.getAndAddLong(o, offset, delta);
    }

    public final int getAndSetInt(Object o, long offset, int newValue) {
        return INTERNAL.getAndSetInt(o, offset, newValue);
    }

    public final long getAndSetLong(Object o, long offset, long newValue) {
        return INTERNAL.getAndSetLong(o, offset, newValue);
    }

    public final Object getAndSetObject(Object o, long offset, Object newValue) {
        return INTERNAL.getAndSetReference(o, offset, newValue);
    }

    public void loadFence() {
        INTERNAL.loadFence();
    }

    public void storeFence() {
        INTERNAL.storeFence();
    }

    public void fullFence() {
        INTERNAL.fullFence();
    }

    public void invokeCleaner(java.nio.ByteBuffer directBuffer) {
        INTERNAL.invokeCleaner(directBuffer);
    }
}
