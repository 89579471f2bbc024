using System;

namespace EffectiveML.Analyzers.Model.Schemas
{
    /// <summary>ML.NET's column shapes: one value, a vector of a fixed length, or a vector whose length varies by row.</summary>
    internal enum ColumnShape
    {
        Scalar,
        /// <summary>A known-size vector (ML.NET's <c>Vector</c> kind); the size itself may be unknown here.</summary>
        Vector,
        VarVector,
    }

    /// <summary>The raw item types of ML.NET columns, named as ML.NET prints them.</summary>
    internal enum ItemType
    {
        Single,
        Double,
        Boolean,
        String,
        SByte,
        Byte,
        Int16,
        UInt16,
        Int32,
        UInt32,
        Int64,
        UInt64,
        DateTime,
        TimeSpan,
        DateTimeOffset,
    }

    /// <summary>
    /// The type of a column on ML.NET's two levels: the shape and the item type with its key-ness,
    /// which estimators check, and the vector size, which only binding to a class checks. A size of
    /// 0 means the code does not state it.
    /// </summary>
    internal readonly struct ColumnType : IEquatable<ColumnType>
    {
        public ColumnType(ColumnShape shape, ItemType item, bool isKey = false, int size = 0)
        {
            Shape = shape;
            Item = item;
            IsKey = isKey;
            Size = shape == ColumnShape.Vector ? size : 0;
        }

        public ColumnShape Shape { get; }

        public ItemType Item { get; }

        /// <summary>A key column: an index into a set of values (ML.NET's <c>Key&lt;UInt32&gt;</c>).</summary>
        public bool IsKey { get; }

        /// <summary>The length of a known-size vector, when the code states it; 0 otherwise.</summary>
        public int Size { get; }

        public bool IsVector => Shape != ColumnShape.Scalar;

        public static ColumnType Scalar(ItemType item) => new(ColumnShape.Scalar, item);

        public static ColumnType Key(ColumnShape shape = ColumnShape.Scalar, int size = 0) => new(shape, ItemType.UInt32, isKey: true, size);

        public static ColumnType VectorOf(ItemType item, int size = 0) => new(ColumnShape.Vector, item, size: size);

        public ColumnType WithItem(ItemType item, bool isKey = false) => new(Shape, item, isKey, Size);

        /// <summary>Shape and item type, as an estimator compares them (ML.NET's <c>SchemaShape</c>).</summary>
        public bool SameShape(ColumnType other) => Shape == other.Shape && Item == other.Item && IsKey == other.IsKey;

        /// <summary>How ML.NET's schema-shape messages print the type: <c>Single</c>, <c>Key&lt;UInt32&gt;</c>, <c>Vector&lt;Single&gt;</c>, <c>VarVector&lt;String&gt;</c>.</summary>
        public override string ToString()
        {
            var item = IsKey ? $"Key<{Item}>" : Item.ToString();
            return Shape switch
            {
                ColumnShape.Vector => $"Vector<{item}>",
                ColumnShape.VarVector => $"VarVector<{item}>",
                _ => item,
            };
        }

        public bool Equals(ColumnType other) => SameShape(other) && Size == other.Size;

        public override bool Equals(object? obj) => obj is ColumnType other && Equals(other);

        public override int GetHashCode() => ((int)Shape * 397) ^ ((int)Item * 31) ^ (IsKey ? 1 : 0) ^ (Size << 8);
    }
}
