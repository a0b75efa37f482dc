using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Carbon.Compiler.Lowering;

/// <summary>
/// Checks the generated program before it is compiled into something that runs: every syntax node
/// must be of a kind the lowering produces, and every name must resolve to a member of the generated
/// class, a parameter or a local. Types are limited to double, int and arrays of double. Anything
/// else (a using, a string, a call into the framework, reflection, unsafe code) is refused.
/// </summary>
public static class AllowList
{
    private static readonly HashSet<SyntaxKind> AllowedKinds =
    [
        SyntaxKind.CompilationUnit, SyntaxKind.FileScopedNamespaceDeclaration, SyntaxKind.ClassDeclaration,
        SyntaxKind.MethodDeclaration, SyntaxKind.FieldDeclaration, SyntaxKind.ArrowExpressionClause,
        SyntaxKind.ParameterList, SyntaxKind.Parameter, SyntaxKind.PredefinedType, SyntaxKind.ArrayType,
        SyntaxKind.ArrayRankSpecifier, SyntaxKind.OmittedArraySizeExpression, SyntaxKind.IdentifierName,
        SyntaxKind.NumericLiteralExpression, SyntaxKind.AddExpression, SyntaxKind.SubtractExpression,
        SyntaxKind.MultiplyExpression, SyntaxKind.DivideExpression, SyntaxKind.EqualsExpression,
        SyntaxKind.LogicalOrExpression, SyntaxKind.LessThanExpression, SyntaxKind.ConditionalExpression,
        SyntaxKind.ParenthesizedExpression, SyntaxKind.UnaryMinusExpression, SyntaxKind.InvocationExpression,
        SyntaxKind.ArgumentList, SyntaxKind.Argument, SyntaxKind.NameColon, SyntaxKind.ArrayCreationExpression,
        SyntaxKind.ArrayInitializerExpression, SyntaxKind.Block, SyntaxKind.ReturnStatement,
        SyntaxKind.LocalDeclarationStatement, SyntaxKind.VariableDeclaration, SyntaxKind.VariableDeclarator,
        SyntaxKind.EqualsValueClause, SyntaxKind.ForStatement, SyntaxKind.ForEachStatement,
        SyntaxKind.ElementAccessExpression, SyntaxKind.BracketedArgumentList, SyntaxKind.ExpressionStatement,
        SyntaxKind.SimpleAssignmentExpression, SyntaxKind.PostIncrementExpression,
    ];

    /// <summary>Returns the first thing not on the allow-list, or null when the program passes.</summary>
    public static string? Check(SyntaxTree tree, SemanticModel model)
    {
        var root = tree.GetRoot();
        if (root.ContainsDirectives)
        {
            return "a preprocessor directive";
        }

        var cls = root.DescendantNodes().OfType<ClassDeclarationSyntax>().ToList();
        if (cls.Count != 1 || cls[0].Identifier.ValueText != CSharpLowering.ClassName)
        {
            return "a type other than the generated class";
        }

        var classSymbol = model.GetDeclaredSymbol(cls[0]);
        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (!AllowedKinds.Contains(node.Kind()))
            {
                return node.Kind().ToString();
            }

            switch (node)
            {
                case IdentifierNameSyntax id when id.Parent is FileScopedNamespaceDeclarationSyntax:
                    if (id.Identifier.ValueText != CSharpLowering.Namespace)
                    {
                        return "namespace " + id.Identifier.ValueText;
                    }

                    break;
                case IdentifierNameSyntax id when id.Parent is NameColonSyntax:
                    break;
                case IdentifierNameSyntax id:
                    var symbol = model.GetSymbolInfo(id).Symbol;
                    bool ok = symbol is ILocalSymbol or IParameterSymbol
                        || (symbol is IMethodSymbol or IFieldSymbol
                            && SymbolEqualityComparer.Default.Equals(symbol.ContainingType, classSymbol));
                    if (!ok)
                    {
                        return id.Identifier.ValueText;
                    }

                    break;
                case PredefinedTypeSyntax t
                    when t.Keyword.Kind() is not (SyntaxKind.DoubleKeyword or SyntaxKind.IntKeyword):
                    return t.Keyword.ValueText;
            }
        }

        foreach (var token in root.DescendantTokens())
        {
            if (token.Kind() is SyntaxKind.UnsafeKeyword or SyntaxKind.ExternKeyword or SyntaxKind.StringLiteralToken
                or SyntaxKind.InterpolatedStringStartToken or SyntaxKind.CharacterLiteralToken)
            {
                return token.Text;
            }
        }

        return null;
    }
}
