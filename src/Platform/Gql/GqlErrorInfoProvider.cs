using GraphQL;
using GraphQL.Execution;

namespace LicenseManager.Platform.Gql;

/// <summary>
/// Every error carries <c>extensions.code</c>; unexpected exceptions show a generic message and no
/// details outside Development (their code would otherwise leak the .NET exception type).
/// </summary>
public sealed class GqlErrorInfoProvider(bool exposeDetails)
    : ErrorInfoProvider(new ErrorInfoProviderOptions
    {
        ExposeCode = true,
        ExposeCodes = false,
        ExposeData = false,
        ExposeExceptionDetails = exposeDetails,
        ExposeExceptionDetailsMode = ExposeExceptionDetailsMode.Extensions,
    })
{
    public const string UnexpectedCode = "UNEXPECTED_EXECUTION_ERROR";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        if (executionError is UnhandledError && !exposeDetails)
        {
            return new ErrorInfo
            {
                Message = "Unexpected Execution Error",
                Extensions = new Dictionary<string, object?> { ["code"] = UnexpectedCode },
            };
        }

        var info = base.GetInfo(executionError);
        if (executionError is UnhandledError || string.IsNullOrEmpty(executionError.Code))
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            extensions["code"] = executionError is UnhandledError ? UnexpectedCode : "EXECUTION_ERROR";
            info.Extensions = extensions;
        }

        return info;
    }
}
