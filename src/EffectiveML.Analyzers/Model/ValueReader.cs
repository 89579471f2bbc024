using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace EffectiveML.Analyzers.Model
{
    /// <summary>How a setting of a call or an options object was given.</summary>
    internal enum SettingState
    {
        /// <summary>Not given: the library's default applies.</summary>
        Default,
        /// <summary>Given, with the operation that gives it.</summary>
        Given,
        /// <summary>Given in a way that cannot be read (an options object from elsewhere, several writes).</summary>
        Unknown,
    }

    internal readonly struct Setting
    {
        private Setting(SettingState state, IOperation? value)
        {
            State = state;
            Value = value;
        }

        public SettingState State { get; }

        public IOperation? Value { get; }

        public static Setting Default => new(SettingState.Default, null);

        public static Setting Unknown => new(SettingState.Unknown, null);

        public static Setting Given(IOperation value) => new(SettingState.Given, value);
    }

    /// <summary>
    /// Reads compile-time values within a member: constants (literals, <c>const</c>, <c>nameof</c>),
    /// through locals assigned once, string arrays, and the members set on an options object
    /// created in view.
    /// </summary>
    internal static class ValueReader
    {
        private const int MaxDepth = 8;

        /// <summary>The operation a value comes from, following locals assigned exactly once.</summary>
        public static IOperation Resolve(IOperation value, LocalValues values)
        {
            var current = ValueTracker.Unwrap(value);
            for (var depth = 0; depth < MaxDepth && current is ILocalReferenceOperation local; depth++)
            {
                var single = values.SingleValue(local.Local);
                if (single is null)
                {
                    break;
                }

                current = ValueTracker.Unwrap(single);
            }

            return current;
        }

        public static object? Constant(IOperation value, LocalValues values)
        {
            if (value.ConstantValue.HasValue)
            {
                return value.ConstantValue.Value;
            }

            var resolved = Resolve(value, values);
            return resolved.ConstantValue.HasValue ? resolved.ConstantValue.Value : null;
        }

        public static string? String(IOperation value, LocalValues values) => Constant(value, values) as string;

        /// <summary>The elements of an array built in view (<c>new[] { ... }</c>, a params list); default when unknown.</summary>
        public static ImmutableArray<IOperation> ArrayElements(IOperation value, LocalValues values)
        {
            if (Resolve(value, values) is IArrayCreationOperation { Initializer: { } initializer })
            {
                return initializer.ElementValues;
            }

            return default;
        }

        /// <summary>The object creation an options value comes from, when it is in view.</summary>
        public static IObjectCreationOperation? Creation(IOperation value, LocalValues values) =>
            Resolve(value, values) as IObjectCreationOperation;

        /// <summary>
        /// How a field or property of an options object was set: in its initializer or by one later
        /// assignment in the member. An object not created in view is Unknown.
        /// </summary>
        public static Setting Member(IOperation optionsValue, string memberName, LocalValues values)
        {
            var creation = Creation(optionsValue, values);
            if (creation is null)
            {
                return RuntimeNull(optionsValue, values) ? Setting.Default : Setting.Unknown;
            }

            IOperation? given = null;
            var count = 0;
            if (creation.Initializer is { } initializer)
            {
                foreach (var initialization in initializer.Initializers)
                {
                    if (initialization is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                        && target.Member.Name == memberName)
                    {
                        given = assignment.Value;
                        count++;
                    }
                }
            }

            if (ValueTracker.Unwrap(optionsValue) is ILocalReferenceOperation local)
            {
                foreach (var write in values.MemberWrites(local.Local))
                {
                    if (((IMemberReferenceOperation)write.Target).Member.Name == memberName)
                    {
                        given = write.Value;
                        count++;
                    }
                }
            }

            return count switch
            {
                0 => Setting.Default,
                1 => Setting.Given(given!),
                _ => Setting.Unknown,
            };
        }

        /// <summary>An explicit <c>null</c> (or a defaulted optional argument of null).</summary>
        public static bool RuntimeNull(IOperation value, LocalValues values)
        {
            var resolved = Resolve(value, values);
            return resolved is IDefaultValueOperation || (resolved.ConstantValue.HasValue && resolved.ConstantValue.Value is null);
        }

        /// <summary>The argument passed for a parameter, or null when the call has no such parameter.</summary>
        public static IArgumentOperation? Argument(IInvocationOperation invocation, string parameterName) =>
            Argument(invocation.Arguments, parameterName);

        public static IArgumentOperation? Argument(ImmutableArray<IArgumentOperation> arguments, string parameterName)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == parameterName)
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>How a parameter of a call was given: left to its default, or passed.</summary>
        public static Setting Parameter(IInvocationOperation invocation, string parameterName)
        {
            var argument = Argument(invocation, parameterName);
            if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                return Setting.Default;
            }

            return Setting.Given(argument.Value);
        }
    }
}
