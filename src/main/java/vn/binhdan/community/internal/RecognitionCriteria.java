package vn.binhdan.community.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.binhdan.community.CascadeProperties;
import vn.binhdan.community.Criterion;
import vn.binhdan.community.NominationKind;

/** The criteria file, read once: {@code kind;code;label_vi;label_en}, lines starting with # ignored. */
@Component
public class RecognitionCriteria {

    private final List<Criterion> all;

    public RecognitionCriteria(CascadeProperties props) {
        String location = props.criteriaFile();
        Resource r = new DefaultResourceLoader().getResource(location.contains(":") ? location : "classpath:" + location);
        try (InputStream in = r.getInputStream()) {
            all = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("recognition criteria " + location + " unreadable", e);
        }
    }

    static List<Criterion> parse(String text) {
        List<Criterion> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split(";", -1);
            if (f.length < 3) {
                throw new IllegalStateException("recognition criteria: bad line " + l);
            }
            out.add(new Criterion(NominationKind.valueOf(f[0].strip()), f[1].strip(), f[2].strip(),
                    f.length > 3 ? f[3].strip() : null));
        }
        return List.copyOf(out);
    }

    public List<Criterion> all() {
        return all;
    }

    public List<Criterion> of(NominationKind kind) {
        return all.stream().filter(c -> c.kind() == kind).toList();
    }
}
