using System.ComponentModel;
using System.Reflection;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using LicenseManager.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseManager.Platform.Gql.Mutations;

/// <summary>
/// Adds a mutation declared in the short form (see CONVENTIONS.md): a class named after the mutation
/// (<c>CreateCatalog</c> → <c>createCatalog</c>) with a nested <c>Input</c> and <c>Payload</c> record,
/// <c>[Error&lt;T&gt;]</c> attributes for its expected failures, and one static <c>ResolveAsync</c> returning
/// <c>Task&lt;MutationResult&lt;Payload&gt;&gt;</c>. Its first parameter is the input record; the others are
/// supplied by type: a module DbContext (created for this call, in its own transaction) or a
/// <see cref="UnitOfWork"/> (one connection and transaction for several modules' contexts), both committed
/// only when the payload carries no errors; <see cref="CancellationToken"/>; <see cref="IResolveFieldContext"/>;
/// or any request service (the caller's actor, <see cref="TimeProvider"/>).
/// </summary>
public static class MutationFields
{
    public static FieldType Mutation<TMutation>(this ObjectGraphType mutation)
        where TMutation : class
    {
        var field = MutationDeclaration.Read(typeof(TMutation)).CreateField();
        mutation.AddField(field);
        return field;
    }
}

internal sealed record MutationDeclaration(
    string Name, MethodInfo Resolve, Type Input, Type Payload, IReadOnlyList<Type> Errors, string? Description)
{
    public static MutationDeclaration Read(Type mutation)
    {
        var resolve = mutation.GetMethod("ResolveAsync", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"Mutation {mutation.Name} needs a static ResolveAsync method.");
        var returns = resolve.ReturnType;
        if (!returns.IsGenericType || returns.GetGenericTypeDefinition() != typeof(Task<>)
            || returns.GetGenericArguments()[0] is not { IsGenericType: true } result
            || result.GetGenericTypeDefinition() != typeof(MutationResult<>))
        {
            throw new InvalidOperationException($"{mutation.Name}.ResolveAsync must return Task<MutationResult<TPayload>>.");
        }

        var parameters = resolve.GetParameters();
        if (parameters.Length == 0 || !parameters[0].ParameterType.IsClass)
        {
            throw new InvalidOperationException($"{mutation.Name}.ResolveAsync must take its input record first.");
        }

        return new MutationDeclaration(
            RecordShape.FieldName(mutation.Name),
            resolve,
            parameters[0].ParameterType,
            result.GetGenericArguments()[0],
            ErrorUnionType.DeclaredOn(mutation),
            mutation.GetCustomAttribute<DescriptionAttribute>()?.Description);
    }

    public FieldType CreateField()
    {
        var payloadType = new ObjectGraphType { Name = RecordShape.TypeName(Name) + "Payload" };
        foreach (var property in RecordShape.Properties(Payload))
        {
            var getter = RecordShape.OutputGetter(property);
            payloadType.AddField(new FieldType
            {
                Name = RecordShape.FieldName(property.Name),
                Description = RecordShape.Description(property),
                // Nullable like Hot Chocolate's: a payload that carries errors carries no data.
                Type = RecordShape.OutputGraphType(property, nullable: true),
                Resolver = new FuncFieldResolver<object?>(context =>
                    ((IMutationResult)context.Source!).Payload is { } payload ? getter(payload) : null),
            });
        }

        if (Errors.Count > 0)
        {
            var union = new ErrorUnionType(RecordShape.TypeName(Name) + "Error", Errors);
            payloadType.AddField(new FieldType
            {
                Name = "errors",
                ResolvedType = new ListGraphType(new NonNullGraphType(union)),
                Resolver = new FuncFieldResolver<object?>(context => ((IMutationResult)context.Source!).Errors),
            });
        }

        return new FieldType
        {
            Name = Name,
            Description = Description,
            ResolvedType = new NonNullGraphType(payloadType),
            Arguments = new QueryArguments(new QueryArgument(typeof(NonNullGraphType<>).MakeGenericType(typeof(InputRecordType<>).MakeGenericType(Input)))
            {
                Name = "input",
            }),
            Resolver = new FuncFieldResolver<object?>(async context => await ResolveAsync(context)),
        };
    }

    // Task<MutationResult<Payload>>.Result, looked up once: read only after the task was awaited.
    private PropertyInfo ResultProperty { get; } = Resolve.ReturnType.GetProperty(nameof(Task<object>.Result))!;

    private async Task<object?> ResolveAsync(IResolveFieldContext context)
    {
        var input = RecordBinder.Bind(Input, (IDictionary<string, object?>)context.Arguments!["input"].Value!);
        var parameters = Resolve.GetParameters();
        var arguments = new object?[parameters.Length];
        arguments[0] = input;
        var owned = new Owned();
        try
        {
            for (var i = 1; i < parameters.Length; i++)
            {
                arguments[i] = await ArgumentAsync(parameters[i].ParameterType, context, owned);
            }

            Task call;
            try
            {
                call = (Task)Resolve.Invoke(null, arguments)!;
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                // A resolver that throws before returning its task (not async): keep its error (and code) as thrown.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
                throw;
            }

            await call;
            var result = (IMutationResult)ResultProperty.GetValue(call)!;
            if (result.Errors is { Count: > 0 } errors)
            {
                // Dispose rolls the transactions back: a refused call changes nothing.
                if (errors.FirstOrDefault(e => !Errors.Contains(e.GetType())) is { } undeclared)
                {
                    throw new InvalidOperationException($"{Name} returned {undeclared.GetType().Name} without declaring [Error<{undeclared.GetType().Name}>].");
                }

                return result;
            }

            foreach (var db in owned.Contexts)
            {
                await db.Database.CommitTransactionAsync(context.CancellationToken);
            }

            if (owned.UnitOfWork is { } unitOfWork)
            {
                await unitOfWork.CommitAsync(context.CancellationToken);
            }

            return result;
        }
        finally
        {
            foreach (var db in owned.Contexts)
            {
                await db.DisposeAsync();
            }

            if (owned.UnitOfWork is { } unitOfWork)
            {
                await unitOfWork.DisposeAsync();
            }
        }
    }

    private static async Task<object?> ArgumentAsync(Type type, IResolveFieldContext context, Owned owned)
    {
        if (type == typeof(CancellationToken))
        {
            return context.CancellationToken;
        }

        if (type == typeof(IResolveFieldContext))
        {
            return context;
        }

        var services = context.RequestServices ?? throw new InvalidOperationException("Mutations need request services.");
        if (typeof(DbContext).IsAssignableFrom(type))
        {
            var factoryType = typeof(IDbContextFactory<>).MakeGenericType(type);
            var db = (DbContext)factoryType.GetMethod(nameof(IDbContextFactory<DbContext>.CreateDbContext))!
                .Invoke(services.GetRequiredService(factoryType), null)!;
            owned.Contexts.Add(db);
            await db.Database.BeginTransactionAsync(context.CancellationToken);
            return db;
        }

        if (type == typeof(UnitOfWork))
        {
            owned.UnitOfWork = await services.GetRequiredService<UnitOfWorkFactory>().BeginAsync(context.CancellationToken);
            return owned.UnitOfWork;
        }

        return services.GetRequiredService(type);
    }

    /// <summary>What the kernel opened for one call: committed together when the payload has no errors, else rolled back.</summary>
    private sealed class Owned
    {
        public List<DbContext> Contexts { get; } = [];

        public UnitOfWork? UnitOfWork { get; set; }
    }
}
