/// The default configuration, as `sanse config --default` prints it: `Config.default` written
/// out by `ConfigSchema`, every key with its comment, so the documentation and the behaviour
/// are one thing.
public enum DefaultConfig {
    public static let yaml = ConfigYAMLWriter.yaml(for: .default)
}

extension Config {
    /// SPEC's defaults: the initial values of `Config`'s properties.
    public static let `default` = Config()
}
