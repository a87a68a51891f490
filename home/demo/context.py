from dataclasses import dataclass, field


@dataclass
class DemoContext:
    """What the demo loaders share: output, and the objects earlier loaders made."""

    stdout: object
    style: object
    objects: dict = field(default_factory=dict)

    def log(self, message):
        self.stdout.write(f"  {message}")

    def warn(self, message):
        self.stdout.write(self.style.WARNING(f"  {message}"))
