namespace LicenseManager.Host.Commands;

/// <summary>Parses <c>--name value</c> pairs, refusing unknown or valueless options.</summary>
internal static class Options
{
    public static IReadOnlyDictionary<string, string> Parse(IReadOnlyList<string> args, params string[] allowed)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!allowed.Contains(name))
            {
                throw new CommandException($"Unknown option '{name}'. Allowed: {string.Join(", ", allowed)}.");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandException($"Option '{name}' needs a value.");
            }

            if (!result.TryAdd(name, args[++i]))
            {
                throw new CommandException($"Option '{name}' is given more than once.");
            }
        }

        return result;
    }
}
