import Foundation
import GeoKit
@testable import Sanse
@testable import SanseAnalysis
@testable import SanseModel
@testable import SanseOutput
@testable import SanseSurvey
import Testing

/// A throw-away PostgreSQL + PostGIS server on loopback (scripts/postgis-sandbox.sh).
struct PostGISSandbox {
    static let repository = Repository.root
    static let script = repository.appendingPathComponent("scripts/postgis-sandbox.sh").path

    /// Whether this machine can run the server; CI must (its setup installs it).
    static var available: Bool {
        let binaries = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return binaries.contains { FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb") }
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/ogr2ogr")
    }

    static var required: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    let folder: String
    let port: Int

    var connection: String { "PG:host=127.0.0.1 port=\(port) dbname=survey user=postgres" }

    static func start() throws -> PostGISSandbox {
        let sandbox = PostGISSandbox(folder: NSTemporaryDirectory() + "sanse-pg-\(UUID().uuidString.prefix(8))",
                                     port: 40_000 + Int(getpid() % 20_000))
        try Subprocess.run("/bin/bash", [script, "start", sandbox.folder, String(sandbox.port)])
        return sandbox
    }

    func stop() {
        _ = try? Subprocess.run("/bin/bash", [Self.script, "stop", folder])
    }
}

@Suite("PostGIS input", .serialized)
struct PostGISTests {
    @Test(.enabled(if: PostGISSandbox.available || PostGISSandbox.required, "needs PostgreSQL + PostGIS (scripts/setup.sh)"))
    func surveyFromPostGISEqualsTheSameSurveyFromAFile() throws {
        let folder = try SurveyFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gpkg = folder.appendingPathComponent("survey.gpkg").path
        let control = folder.appendingPathComponent("control.gpkg").path
        try SurveyFixtures.writeParcels(to: gpkg, driver: "GPKG", crs: "EPSG:4549")
        try SurveyFixtures.writeControlLines(to: control, driver: "GPKG", crs: "EPSG:4549")

        let server = try PostGISSandbox.start()
        defer { server.stop() }
        for file in [gpkg, control] {
            try Subprocess.run("/usr/bin/ogr2ogr", ["-f", "PostgreSQL", server.connection, file])
        }

        let fromFile = try SurveyLoader.load(SurveyInputs(parcels: InputSource(gpkg), controlLines: InputSource(control)), config: .default)
        let fromDatabase = try SurveyLoader.load(
            SurveyInputs(parcels: InputSource(server.connection, layer: "parcels"),
                         controlLines: InputSource(server.connection, layer: "control_lines")),
            config: .default)

        #expect(fromDatabase.survey.layers[0].driver == "PostgreSQL")
        #expect(fromDatabase.survey.layers[0].sourceCRS == "EPSG:4549")
        #expect(fromDatabase.survey.analysisCRS == fromFile.survey.analysisCRS)
        #expect(fromDatabase.survey.parcels.map(\.id) == fromFile.survey.parcels.map(\.id))
        #expect(fromDatabase.survey.parcels.map(\.grade) == fromFile.survey.parcels.map(\.grade))
        #expect(fromDatabase.survey.parcels.map(\.far) == fromFile.survey.parcels.map(\.far))
        #expect(fromDatabase.survey.parcels.map(fromDatabase.survey.enterprise(of:)) == fromFile.survey.parcels.map(fromFile.survey.enterprise(of:)))
        let databaseAreas = try fromDatabase.survey.parcels.map { try $0.geometry().area() }
        let fileAreas = try fromFile.survey.parcels.map { try $0.geometry().area() }
        #expect(databaseAreas == fileAreas)
        #expect(fromDatabase.issues.issues.map(\.kind) == fromFile.issues.issues.map(\.kind))
        #expect(try fromDatabase.survey.controlPolygons[0].area() == fromFile.survey.controlPolygons[0].area())
    }
}
