/// Writes one of the viewer's files whole.
enum ViewerFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        guard let file = FileOutput(path: path) else {
            throw OutputError(path: path, message: "cannot create the file")
        }
        defer { file.close() }
        try file.write(bytes)
        try file.finish()
    }
}
