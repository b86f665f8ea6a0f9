using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Platform.Data;

/// <summary>
/// Creates a module's DbContext on a connection someone else owns (a <see cref="UnitOfWork"/>'s), with the
/// same options as the module's pooled factory: its schema, its migrations history table, snake_case names.
/// </summary>
public sealed class ModuleContextActivators(IServiceProvider services, IEnumerable<ModuleMigration> modules)
{
    private readonly Dictionary<Type, string> schemas = modules.ToDictionary(m => m.ContextType, m => m.Schema);

    public TContext Create<TContext>(DbConnection connection)
        where TContext : DbContext
    {
        if (!schemas.TryGetValue(typeof(TContext), out var schema))
        {
            throw new InvalidOperationException($"{typeof(TContext).Name} is not registered with AddModuleDbContext.");
        }

        var options = new DbContextOptionsBuilder<TContext>();
        ModuleDbContexts.Configure(options, connection, schema);
        return ActivatorUtilities.CreateInstance<TContext>(services, options.Options);
    }
}
