using System.Linq.Expressions;

namespace LicenseManager.Platform.Gql.Conventions;

/// <summary>Rebinds a declared selector (<c>c =&gt; c.Title</c>) to the parameter of the predicate being built.</summary>
public sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);

    public static Expression Rebind(LambdaExpression selector, Expression target) =>
        new ParameterReplacer(selector.Parameters[0], target).Visit(selector.Body);
}
