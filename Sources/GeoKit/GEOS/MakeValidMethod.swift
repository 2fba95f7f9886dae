/// How `makeValid` rebuilds an invalid geometry (GEOS's two MakeValid algorithms).
public enum MakeValidMethod: Sendable {
    /// Keeps every edge of the input (GEOS's and shapely's default); may yield lines too.
    case linework
    /// Rebuilds areas from the rings' structure; polygons stay polygons.
    case structure
}
