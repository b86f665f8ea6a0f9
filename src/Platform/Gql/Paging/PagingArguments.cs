using GraphQL;

namespace LicenseManager.Platform.Gql.Paging;

/// <summary>Page size limits of one connection field.</summary>
public sealed record PagingOptions(int DefaultPageSize = 10, int MaxPageSize = 50);

/// <summary>The validated <c>first after last before</c> of one field.</summary>
public sealed record PagingArguments(int? First, string? After, int? Last, string? Before)
{
    public const string PageSizeExceededCode = "HC0051";

    public bool Backward => Last is not null && First is null;

    public int Size(PagingOptions options) => First ?? Last ?? options.DefaultPageSize;

    public static PagingArguments From(IResolveFieldContext context, PagingOptions options)
    {
        var arguments = new PagingArguments(
            context.GetArgument<int?>("first"),
            context.GetArgument<string?>("after"),
            context.GetArgument<int?>("last"),
            context.GetArgument<string?>("before"));
        Check(arguments.First, "first", options);
        Check(arguments.Last, "last", options);
        return arguments;
    }

    private static void Check(int? size, string name, PagingOptions options)
    {
        if (size is < 0 || size > options.MaxPageSize)
        {
            throw new ExecutionError($"The maximum allowed items per page were exceeded: '{name}' must be between 0 and {options.MaxPageSize}.")
            {
                Code = PageSizeExceededCode,
            };
        }
    }
}
